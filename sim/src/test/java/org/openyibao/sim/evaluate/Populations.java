package org.openyibao.sim.evaluate;

/** Small hand-made populations for the tests. */
final class Populations {

    private Populations() {
    }

    /** A household with only what the indicators need; the fund columns 0, medfee = oop. */
    static Households add(Households h, long id, int size, long incomeYuan, long nonFoodYuan, long oopYuan) {
        long spending = 5_000_00 + nonFoodYuan * 100;
        return h.add(id, size, incomeYuan * 100, spending, 5_000_00, oopYuan * 100, 0, 0, 0, 0, oopYuan * 100, 0);
    }

    /**
     * Six households with non-food spending 10,000 yuan each, one with none (left out). Per-capita
     * income (yuan) and rank r: id 1 10,000 (r 1), id 2 12,000 (r 2), id 3 15,000 (r 3: ties with id 4,
     * the smaller id first), id 4 15,000 (r 4), id 5 20,000 (r 5), id 6 50,000 (r 6). Household income
     * would rank id 1 (40,000) above id 2 (12,000): the rank is per capita.
     * OOP (yuan) and share: 5,000 0.50; 3,500 0.35; 2,500 0.25; 2,000 0.20; 1,000 0.10; 4,500 0.45.
     */
    static Households six() {
        Households h = new Households(4);
        add(h, 1, 4, 40_000, 10_000, 5_000);
        add(h, 2, 1, 12_000, 10_000, 3_500);
        add(h, 3, 2, 30_000, 10_000, 2_500);
        add(h, 4, 1, 15_000, 10_000, 2_000);
        add(h, 5, 3, 60_000, 10_000, 1_000);
        add(h, 6, 2, 100_000, 10_000, 4_500);
        add(h, 7, 1, 8_000, 0, 900);   // spending = food: share undefined
        return h;
    }
}
