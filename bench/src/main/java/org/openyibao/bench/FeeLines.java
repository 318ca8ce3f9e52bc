package org.openyibao.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.SplittableRandom;

/**
 * What the load's visits bill: items of policies/zhanjiang/catalogue.csv at the prices hospitals and pharmacies charge
 * (XB03 above its 12.00 limit, F003 above its 8,000 limit), national codes outside the catalogue (fully self-paid),
 * diagnoses, and the fee-line JSON of 2204 / 2301 ({@code feedetail}) and 2101 / 2102 ({@code drugdetail}).
 */
final class FeeLines {
    /** A catalogue item as billed: code, unit price (yuan), quantity range. */
    record Item(String code, String name, String price, int minCnt, int maxCnt) {}

    static final Item[] OUTPATIENT = {
            new Item("XA01", "阿莫西林胶囊", "12.50", 1, 3), new Item("XA02", "阿司匹林肠溶片", "15.80", 1, 2),
            new Item("XB01", "阿托伐他汀钙片", "28.60", 1, 2), new Item("XB02", "氯吡格雷片", "45.30", 1, 2),
            new Item("XB03", "注射用头孢曲松", "15.00", 1, 4), new Item("XC01", "进口营养液", "120.00", 1, 1),
            new Item("F005", "核酸检测", "40.00", 1, 1), new Item("F002", "CT平扫", "180.00", 1, 1),
            new Item("110200001", "普通门诊诊查费", "10.00", 1, 1), new Item("120400002", "静脉注射", "8.50", 1, 3),
            new Item("250101001", "血常规", "20.00", 1, 1), new Item("250301001", "尿常规", "12.00", 1, 1)};
    static final Item[] INPATIENT = {
            new Item("F001", "普通床位费", "50.00", 3, 12), new Item("F006", "ICU监护", "600.00", 1, 3),
            new Item("F002", "CT平扫", "180.00", 1, 2), new Item("XB03", "注射用头孢曲松", "15.00", 4, 20),
            new Item("XA01", "阿莫西林胶囊", "12.50", 2, 6), new Item("F005", "核酸检测", "40.00", 1, 2),
            new Item("F004", "单人病房", "150.00", 1, 6), new Item("XB01", "阿托伐他汀钙片", "28.60", 1, 4),
            new Item("XB02", "氯吡格雷片", "45.30", 1, 4), new Item("XA02", "阿司匹林肠溶片", "15.80", 1, 3),
            new Item("XC01", "进口营养液", "120.00", 1, 5), new Item("220600001", "护理费", "30.00", 3, 12),
            new Item("250101001", "血常规", "20.00", 1, 4), new Item("310701001", "心电图", "25.00", 1, 3)};
    /** A pharmacy sells medicines only: classes A, B and C of the catalogue, and a medicine outside it. */
    static final Item[] PHARMACY = {
            new Item("XA01", "阿莫西林胶囊", "12.50", 1, 4), new Item("XA02", "阿司匹林肠溶片", "15.80", 1, 3),
            new Item("XB01", "阿托伐他汀钙片", "28.60", 1, 3), new Item("XB02", "氯吡格雷片", "45.30", 1, 2),
            new Item("XC01", "进口营养液", "120.00", 1, 2), new Item("ZY0001", "板蓝根颗粒", "18.00", 1, 3)};
    static final Item STENT = new Item("F003", "心脏介入支架", "8650.00", 1, 1);
    static final String[][] OUTPATIENT_DX = {{"J06.900", "急性上呼吸道感染"}, {"I10.x00", "高血压"}, {"K29.700", "胃炎"},
            {"M54.500", "腰痛"}, {"E11.900", "2型糖尿病"}};
    static final String[][] INPATIENT_DX = {{"I21.900", "急性心肌梗死"}, {"J18.900", "肺炎"}, {"I63.900", "脑梗死"},
            {"K35.800", "急性阑尾炎"}, {"S72.000", "股骨颈骨折"}};

    private FeeLines() {}

    /** What {@link #lines} needs to know about the visit. */
    record Visit(String mdtrtId, String psnNo, String medType, String batch, LocalDateTime at, String dx) {}

    /**
     * n fee lines as a JSON array's elements; the first four are the list's first four items (so each kind of line is
     * always billed), a stent first when asked. Adds the total (fen) to total[0].
     */
    static String lines(Item[] items, int n, Visit v, boolean stent, SplittableRandom rnd, long[] total) {
        StringBuilder b = new StringBuilder(512 * n);
        String serial = v.mdtrtId() == null ? Long.toString(FsiSession.nextSerial()) : v.mdtrtId();
        for (int k = 0; k < n; k++) {
            Item it = stent && k == 0 ? STENT : k < items.length && k < 4 ? items[k] : items[rnd.nextInt(items.length)];
            int cnt = it.minCnt() + rnd.nextInt(it.maxCnt() - it.minCnt() + 1);
            BigDecimal amount = new BigDecimal(it.price()).multiply(BigDecimal.valueOf(cnt)).setScale(2, RoundingMode.HALF_UP);
            total[0] += amount.movePointRight(2).longValueExact();
            if (k > 0) b.append(',');
            b.append("{\"feedetl_sn\":\"").append(serial, Math.max(0, serial.length() - 8), serial.length())
                    .append(String.format("%03d", k + 1)).append("\",\"init_feedetl_sn\":\"\",");
            if (v.mdtrtId() != null) b.append("\"mdtrt_id\":\"").append(v.mdtrtId()).append("\",");
            b.append("\"drord_no\":\"DO").append(k + 1).append("\",\"psn_no\":\"").append(v.psnNo()).append("\",\"med_type\":\"")
                    .append(v.medType()).append("\",\"fee_ocur_time\":\"").append(v.at().plusMinutes(k).format(FsiSession.TIME))
                    .append("\",\"med_list_codg\":\"").append(it.code()).append("\",\"medins_list_codg\":\"HIS-").append(it.code())
                    .append("\",\"det_item_fee_sumamt\":\"").append(amount.toPlainString()).append("\",\"cnt\":\"").append(cnt)
                    .append("\",\"pric\":\"").append(it.price()).append("\",\"sin_dos_dscr\":\"\",\"used_frqu_dscr\":\"\",\"prd_days\":\"1\",")
                    .append("\"medc_way_dscr\":\"\",\"bilg_dept_codg\":\"A03\",\"bilg_dept_name\":\"内科\",\"bilg_dr_codg\":\"D0101\",")
                    .append("\"bilg_dr_name\":\"李医生\",\"acord_dept_codg\":\"\",\"acord_dept_name\":\"\",\"orders_dr_code\":\"\",")
                    .append("\"orders_dr_name\":\"\",\"hosp_appr_flag\":\"1\",\"tcmdrug_used_way\":\"\",\"etip_flag\":\"\",")
                    .append("\"etip_hosp_code\":\"\",\"dscg_tkdrug_flag\":\"\",\"matn_fee_flag\":\"\",\"rx_circ_flag\":\"0\",")
                    .append("\"rxno\":\"RX").append(k + 1).append("\",\"dise_codg\":\"").append(v.dx()).append("\",\"memo\":\"").append(it.name())
                    .append('"');
            if (v.batch() != null) b.append(",\"chrg_bchno\":\"").append(v.batch()).append('"');
            b.append('}');
        }
        return b.toString();
    }

    static String yuan(long fen) {
        return org.openyibao.engine.money.Money.yuan(fen).toPlainString();
    }
}
