package vn.dvctt.geo;

public record UnitId(long value) {
}
