package vn.dvctt.device;

/** One content on one device: what its last inventory said, and whether its manifest lists it. */
public record DeviceContentData(String contentId, long bytesHeld, boolean complete, boolean expected) {
}
