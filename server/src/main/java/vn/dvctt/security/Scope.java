package vn.dvctt.security;

import vn.dvctt.geo.UnitId;

/**
 * Who is acting and over which part of the tree. Every rule of "who may do what where" lives here,
 * so that services ask one object and the test matrix covers one place.
 *
 * <p>{@code unitPath} is the materialized path of the user's unit ("/VN/22/"); a unit is in scope
 * when its path starts with it.
 */
public record Scope(long userId, String username, Role role, UnitId unitId, String unitPath) {

    public static final String ROOT_PATH = "/VN/";

    public boolean canView(String path) {
        return path.startsWith(unitPath);
    }

    /** Administrators edit their whole subtree; organizers only the units below their own. */
    public boolean canEditUnit(String path) {
        return switch (role) {
            case ADMIN -> path.startsWith(unitPath);
            case ORGANIZER -> isStrictlyBelow(path);
            case TEAM_MEMBER, LEADER -> false;
        };
    }

    /** Organizers may add villages to their own commune, though not rename the commune itself. */
    public boolean canAddChildTo(String parentPath) {
        return switch (role) {
            case ADMIN, ORGANIZER -> parentPath.startsWith(unitPath);
            case TEAM_MEMBER, LEADER -> false;
        };
    }

    public boolean canImportUnits() {
        return role == Role.ADMIN;
    }

    /** National catalogues (procedures) are kept by administrators. */
    public boolean canManageCatalogues() {
        return role == Role.ADMIN;
    }

    public boolean canListUsers() {
        return role == Role.ADMIN || role == Role.ORGANIZER;
    }

    /**
     * Administrators create any role anywhere in their subtree; organizers create organizers, team
     * members and leaders strictly below their own unit, never administrators.
     */
    public boolean canManageUser(Role targetRole, String targetUnitPath) {
        return switch (role) {
            case ADMIN -> targetUnitPath.startsWith(unitPath);
            case ORGANIZER -> targetRole != Role.ADMIN && isStrictlyBelow(targetUnitPath);
            case TEAM_MEMBER, LEADER -> false;
        };
    }

    public boolean canReadAudit() {
        return role == Role.ADMIN;
    }

    private boolean isStrictlyBelow(String path) {
        return path.startsWith(unitPath) && path.length() > unitPath.length();
    }
}
