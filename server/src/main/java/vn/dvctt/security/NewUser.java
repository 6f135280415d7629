package vn.dvctt.security;

import vn.dvctt.geo.UnitId;

public record NewUser(String username, String displayName, Role role, UnitId unitId) {
}
