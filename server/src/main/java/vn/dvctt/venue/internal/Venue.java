package vn.dvctt.venue.internal;

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
import vn.dvctt.geo.UnitId;
import vn.dvctt.shared.VietnameseText;
import vn.dvctt.venue.InternetKind;
import vn.dvctt.venue.VenueData;
import vn.dvctt.venue.VenueInput;

@Entity
@Table(name = "venue")
public class Venue {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "unit_id")
    private long unitId;
    @Column(name = "unit_path")
    private String unitPath;
    private String name;
    @Column(name = "search_name")
    private String searchName;
    private String address;
    private int capacity;
    private int computers;
    private boolean projector;
    private boolean screen;
    private boolean speakers;
    @Enumerated(EnumType.STRING)
    @Column(name = "internet_kind")
    private InternetKind internetKind;
    @Column(name = "internet_mbps")
    private Integer internetMbps;
    @Column(name = "device_id")
    private String deviceId;
    @Column(name = "opening_notes")
    private String openingNotes;
    @Version
    private long version;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Venue() {
    }

    public Venue(VenueInput input, String unitPath) {
        apply(input, unitPath);
    }

    public void apply(VenueInput input, String path) {
        unitId = input.unit().value();
        unitPath = path;
        name = input.name();
        searchName = VietnameseText.fold(input.name());
        address = input.address();
        capacity = input.capacity();
        computers = input.computers();
        projector = input.projector();
        screen = input.screen();
        speakers = input.speakers();
        internetKind = input.internetKind();
        internetMbps = input.internetMbps();
        openingNotes = input.openingNotes();
        updatedAt = Instant.now();
    }

    public long getId() {
        return id;
    }

    public long getUnitId() {
        return unitId;
    }

    public String getUnitPath() {
        return unitPath;
    }

    public String getName() {
        return name;
    }

    public String getDeviceId() {
        return deviceId;
    }

    /** Set by the device feature through VenueService; not part of what people type. */
    public void attachDevice(String deviceId) {
        this.deviceId = deviceId;
        updatedAt = Instant.now();
    }

    public VenueData toData(String unitName) {
        return new VenueData(id, new UnitId(unitId), unitName, unitPath, name, address, capacity, computers, projector,
                screen, speakers, internetKind, internetMbps, deviceId, openingNotes);
    }
}
