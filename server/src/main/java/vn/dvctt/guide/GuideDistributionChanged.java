package vn.dvctt.guide;

/**
 * What some devices should hold has changed: a guide was published or retired, a new video version
 * completed, a published guide's title changed, or a publication rule was added, edited or removed.
 * The devices concerned are those of venues under {@code unitPath} (a unit and its subtree) or, when
 * {@code venueId} is set, that one venue. Published inside the transaction that made the change, once
 * per affected target; a listener re-issuing manifests should run after commit
 * ({@code @TransactionalEventListener}) and call {@link GuideDistribution#planFor}.
 */
public record GuideDistributionChanged(String unitPath, Long venueId, GuideId guide) {
}
