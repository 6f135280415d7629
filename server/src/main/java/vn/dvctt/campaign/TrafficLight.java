package vn.dvctt.campaign;

/** Met the target, within the close margin of it, or behind it. */
public enum TrafficLight {
    MET, CLOSE, BEHIND, NO_TARGET
}
