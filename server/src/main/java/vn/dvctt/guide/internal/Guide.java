package vn.dvctt.guide.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import vn.dvctt.geo.UnitId;
import vn.dvctt.guide.GuideData;
import vn.dvctt.guide.GuideFileData;
import vn.dvctt.guide.GuideId;
import vn.dvctt.guide.GuideInput;
import vn.dvctt.guide.GuideLanguage;
import vn.dvctt.guide.GuideStatus;
import vn.dvctt.media.StoredImage;
import vn.dvctt.shared.VietnameseText;

@Entity
@Table(name = "guide")
public class Guide {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "owner_unit_id")
    private long ownerUnitId;
    @Column(name = "owner_path")
    private String ownerPath;
    private String title;
    @Column(name = "search_title")
    private String searchTitle;
    private String description;
    private boolean essential;
    private String language;
    @Column(name = "duration_seconds")
    private Integer durationSeconds;
    @Enumerated(EnumType.STRING)
    private GuideStatus status;
    @Column(name = "poster_sha256")
    private String posterSha256;
    @Column(name = "poster_thumb_sha256")
    private String posterThumbSha256;
    @Column(name = "poster_media_type")
    private String posterMediaType;
    @ElementCollection
    @CollectionTable(name = "guide_procedure", joinColumns = @JoinColumn(name = "guide_id"))
    @Column(name = "procedure_code")
    private Set<String> procedureCodes = new TreeSet<>();
    @Version
    private long version;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Guide() {
    }

    public Guide(UnitId owner, String ownerPath, GuideInput input) {
        this.ownerUnitId = owner.value();
        this.ownerPath = ownerPath;
        this.status = GuideStatus.PLANNED;
        apply(input);
    }

    public void apply(GuideInput input) {
        title = input.title();
        searchTitle = VietnameseText.fold(input.title());
        description = input.description();
        essential = input.essential();
        language = input.language().code();
        durationSeconds = input.durationSeconds();
        procedureCodes.clear();
        procedureCodes.addAll(input.procedureCodes());
        touch();
    }

    public void moveTo(GuideStatus target) {
        status = target;
        touch();
    }

    public void poster(StoredImage image) {
        posterSha256 = image.sha256();
        posterThumbSha256 = image.thumbnailSha256();
        posterMediaType = image.mediaType();
        touch();
    }

    /** A new version counts as a change of the guide, and bumps its optimistic lock. */
    public void touch() {
        updatedAt = Instant.now();
    }

    public void ownerPath(String path) {
        ownerPath = path;
    }

    public long getId() {
        return id;
    }

    public GuideId guideId() {
        return new GuideId(id);
    }

    public long getOwnerUnitId() {
        return ownerUnitId;
    }

    public String getOwnerPath() {
        return ownerPath;
    }

    public String getTitle() {
        return title;
    }

    public GuideStatus getStatus() {
        return status;
    }

    public boolean hasImage(String sha256) {
        return sha256 != null && (sha256.equals(posterSha256) || sha256.equals(posterThumbSha256));
    }

    public GuideData toData(String ownerName, GuideFileData currentFile) {
        return new GuideData(guideId(), new UnitId(ownerUnitId), ownerName, ownerPath, title, description,
                new ArrayList<>(procedureCodes), essential, GuideLanguage.ofCode(language).orElse(GuideLanguage.VI),
                durationSeconds, status, posterSha256, posterThumbSha256, posterMediaType, currentFile, updatedAt);
    }

    public List<String> procedureCodes() {
        return List.copyOf(procedureCodes);
    }
}
