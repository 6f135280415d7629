package vn.dvctt.procedure;

/** A procedure as other features refer to it: by its national code. */
public record ProcedureData(String code, String name, String field, boolean essential, OnlineLevel onlineLevel) {
}
