package vn.dvctt.sync.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.springframework.stereotype.Component;

/** Manifest versions from one database sequence: increasing across instances, never reused. */
@Component
public class ManifestVersions {

    private static final String SEQUENCE = "sync_manifest_version_seq";

    @PersistenceContext
    private EntityManager entityManager;
    private volatile String nextValueSql;

    public long next() {
        String sql = nextValueSql;
        if (sql == null) {
            // H2 and PostgreSQL spell it differently; the dialect knows
            Dialect dialect = entityManager.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class)
                    .getJdbcServices().getDialect();
            sql = dialect.getSequenceSupport().getSequenceNextValString(SEQUENCE);
            nextValueSql = sql;
        }
        return ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
