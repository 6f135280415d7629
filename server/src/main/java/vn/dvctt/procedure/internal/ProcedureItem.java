package vn.dvctt.procedure.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import vn.dvctt.procedure.OnlineLevel;
import vn.dvctt.procedure.ProcedureData;
import vn.dvctt.shared.VietnameseText;

@Entity
@Table(name = "procedure_item")
public class ProcedureItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String name;
    @Column(name = "search_name")
    private String searchName;
    private String field;
    private boolean essential;
    @Enumerated(EnumType.STRING)
    @Column(name = "online_level")
    private OnlineLevel onlineLevel;
    @Version
    private long version;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected ProcedureItem() {
    }

    public ProcedureItem(String code) {
        this.code = code;
    }

    /** Applies the row's values; returns whether anything changed. */
    public boolean update(ProcedureData data) {
        if (data.equals(toData())) {
            return false;
        }
        name = data.name();
        searchName = VietnameseText.fold(data.code() + " " + data.name());
        field = data.field();
        essential = data.essential();
        onlineLevel = data.onlineLevel();
        updatedAt = Instant.now();
        return true;
    }

    public boolean isNew() {
        return id == null;
    }

    public ProcedureData toData() {
        return new ProcedureData(code, name, field, essential, onlineLevel);
    }
}
