package vn.dvctt.guide;

import java.time.Instant;
import java.util.List;
import vn.dvctt.geo.UnitId;

/**
 * A guide as views and other features see it. {@code currentFile} is the newest complete video
 * version (what devices hold), null while there is none; the poster fields are null until a poster
 * is uploaded.
 */
public record GuideData(GuideId id, UnitId owner, String ownerName, String ownerPath, String title,
                        String description, List<String> procedureCodes, boolean essential, GuideLanguage language,
                        Integer durationSeconds, GuideStatus status, String posterSha256,
                        String posterThumbnailSha256, String posterMediaType, GuideFileData currentFile,
                        Instant updatedAt) {

    public GuideData {
        procedureCodes = List.copyOf(procedureCodes);
    }

    public GuideInput toInput() {
        return new GuideInput(owner, title, description, procedureCodes, essential, language, durationSeconds);
    }
}
