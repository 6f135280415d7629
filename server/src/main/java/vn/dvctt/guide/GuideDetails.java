package vn.dvctt.guide;

import java.util.List;

/** Everything the guide page shows: the guide, its video versions (newest first), pipeline history and rules. */
public record GuideDetails(GuideData guide, List<GuideFileData> files, List<StatusChange> history,
                           List<PublicationData> publications) {
}
