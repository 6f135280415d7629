package vn.dvctt.campaign;

/** How an indicator's value is read and rolled up. */
public enum IndicatorKind {
    /** numerator / denominator, shown as %; rolls up by summing both, never by averaging. */
    RATIO,
    /** a count; rolls up by summing. */
    COUNT,
    /** yes/no per unit; rolls up as units with yes / units reporting, shown as %. */
    COVERAGE
}
