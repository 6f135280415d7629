package vn.dvctt.geo.internal;

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
import vn.dvctt.geo.UnitType;
import vn.dvctt.shared.VietnameseText;

@Entity
@Table(name = "admin_unit")
public class AdminUnit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String name;
    @Column(name = "search_name")
    private String searchName;
    @Enumerated(EnumType.STRING)
    @Column(name = "unit_type")
    private UnitType type;
    @Column(name = "parent_id")
    private Long parentId;
    private String path;
    private int depth;
    @Version
    private long version;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected AdminUnit() {
    }

    public AdminUnit(String code, String name, UnitType type, AdminUnit parent) {
        this.code = code;
        this.type = type;
        this.parentId = parent.id;
        this.path = parent.path + code + "/";
        this.depth = parent.depth + 1;
        rename(name);
    }

    public void rename(String newName) {
        this.name = newName;
        this.searchName = VietnameseText.fold(newName);
        this.updatedAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public UnitType getType() {
        return type;
    }

    public Long getParentId() {
        return parentId;
    }

    public String getPath() {
        return path;
    }

    public int getDepth() {
        return depth;
    }
}
