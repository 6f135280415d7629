package vn.dvctt.campaign;

/** A solution group (nhóm giải pháp) of a campaign, numbered (i), (ii)… in the plan's order. */
public record SolutionGroupData(long id, int position, String name) {
}
