package vn.dvctt.security;

import vn.dvctt.geo.UnitId;

/** The part of an authenticated principal that scope checks need. */
public interface ScopedPrincipal {

    long userId();

    String username();

    Role role();

    UnitId unitId();
}
