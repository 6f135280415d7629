package vn.dvctt.procedure;

/** An import created or changed procedures: whoever copies the catalogue (the runners' briefs) refreshes it. */
public record ProcedureCatalogueChanged(int created, int updated) {
}
