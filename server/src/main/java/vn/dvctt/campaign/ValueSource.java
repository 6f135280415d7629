package vn.dvctt.campaign;

/** How an indicator's values arrive. */
public enum ValueSource {
    ENTERED, IMPORTED, COMPUTED
}
