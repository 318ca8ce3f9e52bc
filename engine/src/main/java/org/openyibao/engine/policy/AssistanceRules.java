package org.openyibao.engine.policy;

/**
 * Medical assistance for the poor (REFERENCE §2): per poverty category, a share of the cumulative
 * self-pay after insurance above a threshold, up to a yearly cap. A category with no rules gets none.
 */
public final class AssistanceRules {
    /** One category's rule. */
    public record CategoryRule(Amount threshold, Ratio ratio, Amount annualCap) {}

    private final CategoryRule[] byCategory;

    AssistanceRules(CategoryRule[] byCategory) {
        this.byCategory = byCategory.clone();
    }

    /** The category's rule, or null when the category gets no assistance. */
    public CategoryRule of(Category category) {
        return byCategory[category.ordinal()];
    }
}
