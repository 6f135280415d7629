package vn.dvctt.device;

import java.time.Instant;

/**
 * A one-time enrollment code, shown once: only its hash is kept.
 *
 * @param code    grouped for reading aloud, e.g. {@code K7QM-4XRT-9WPL-2HDC-8FNB}
 * @param command the one line to type (or scan from the QR code) on the device
 */
public record IssuedCode(String deviceId, String code, Instant expiresAt, String command) {

    /** Never prints the code: records end up in logs. */
    @Override
    public String toString() {
        return "IssuedCode[deviceId=" + deviceId + ", expiresAt=" + expiresAt + "]";
    }
}
