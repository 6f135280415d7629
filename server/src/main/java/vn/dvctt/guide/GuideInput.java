package vn.dvctt.guide;

import java.util.List;
import vn.dvctt.geo.UnitId;

/**
 * What a person types about a guide. {@code owner} is the unit whose library it belongs to (a province
 * office, usually); it is set at creation and ignored by updates. {@code durationSeconds} may be null
 * until the video is cut.
 */
public record GuideInput(UnitId owner, String title, String description, List<String> procedureCodes,
                         boolean essential, GuideLanguage language, Integer durationSeconds) {

    public GuideInput {
        procedureCodes = procedureCodes == null ? List.of() : List.copyOf(procedureCodes);
    }
}
