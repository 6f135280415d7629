package vn.dvctt.content;

/**
 * A chunk that must not be written: its frame is truncated, oversized or not a chunk frame, its bytes
 * do not match the hash it carries, or it does not match the manifest entry it claims to belong to.
 * The agent drops it and asks again; nothing partial is ever playable.
 */
public class ChunkRejectedException extends MalformedPayloadException {

    private static final long serialVersionUID = 1L;

    public ChunkRejectedException(String message) {
        super(message);
    }
}
