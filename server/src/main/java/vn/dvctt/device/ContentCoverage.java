package vn.dvctt.device;

/** How many devices in the caller's area hold one content completely, partly, or should hold it. */
public record ContentCoverage(String contentId, long devicesComplete, long devicesHolding, long devicesExpecting) {
}
