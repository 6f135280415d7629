package vn.dvctt.training;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;

/**
 * Training figures for a unit's subtree over a period (by session date, both ends included).
 * Participants and submissions count reported sessions, with each session's effective results.
 * {@code byChild} has one row per child unit with sessions, plus the unit itself when sessions
 * took place at its own level (a commune hall), in Vietnamese order.
 */
public record TrainingStats(UnitStats total, LocalDate from, LocalDate to, SortedMap<String, Integer> byProcedure,
                            List<UnitStats> byChild) {
}
