package vn.dvctt.training;

/**
 * A figure on which the team and the edge agent disagree. {@code figure} is "participants",
 * "women", "men", "ageUnder18", "age18To35", "age36To59", "age60Plus" or "submissions" (then with
 * the procedure code); a null side was not given by that source.
 */
public record ResultDifference(String figure, String procedureCode, Integer manual, Integer agent) {
}
