package vn.dvctt.campaign;

/** Whether a higher value is better (online dossiers) or a lower one (paper dossiers left). */
public enum Direction {
    HIGHER, LOWER
}
