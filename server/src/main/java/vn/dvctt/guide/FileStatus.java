package vn.dvctt.guide;

/** A video version: its bytes are still arriving, all arrived and hashed, or the upload failed. */
public enum FileStatus {
    UPLOADING, COMPLETE, FAILED
}
