package vn.dvctt.device.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import vn.dvctt.device.DeviceService;
import vn.dvctt.device.IssuedCode;
import vn.dvctt.guide.GuideFixture;
import vn.dvctt.support.Fixture;
import vn.dvctt.sync.ContentSync;

/**
 * The start-up catch-up of device manifests is a clustered Quartz job: scheduled once at start under a
 * fixed key, it walks the enrolled devices a page at a time and issues a manifest to each one that
 * lacks it; another instance starting meanwhile finds it scheduled, or done. Own context: it commits,
 * with a page of one device so the walk crosses pages.
 */
@SpringBootTest(properties = {"dvctt.test.journey=device-catch-up", "dvctt.device.manifest-catch-up.page-size=1",
        "dvctt.device.manifest-catch-up.quiet=PT0S"})
@ActiveProfiles("test")
class DeviceManifestCatchUpIT {

    private static final JobKey JOB = JobKey.jobKey("device-manifests-catch-up");

    @Autowired
    GuideFixture guides;
    @Autowired
    DeviceService devices;
    @Autowired
    ContentSync sync;
    @Autowired
    Scheduler scheduler;

    @Test
    void theCatchUpJobRunsOnceAfterStartAndReissuesEveryEnrolledDevicesManifestAcrossPages() throws Exception {
        // the one-shot trigger fired after start and the job recorded its run
        Awaitility.await().atMost(30, TimeUnit.SECONDS).until(() -> scheduler.getJobDetail(JOB) != null
                && scheduler.getJobDetail(JOB).getJobDataMap().containsKey("completedAt"));
        assertThat(scheduler.checkExists(TriggerKey.triggerKey("device-manifests-catch-up")))
                .as("a finished one-shot trigger leaves the store").isFalse();

        guides.data.load();
        Fixture fixture = guides.data.fixture;
        List<String> ids = List.of(guides.data.kheMa.id(), guides.data.naSa.id(), guides.data.pacPoc.id()).stream()
                .map(venue -> {
                    IssuedCode code = fixture.as("qn.organizer", () -> devices.register(venue, "https://dvctt.example.vn"));
                    devices.enroll(code.code(), "mqtt.example.vn");
                    return code.deviceId();
                }).toList();
        Awaitility.await().atMost(20, TimeUnit.SECONDS)
                .until(() -> ids.stream().allMatch(id -> fixture.as("qn.organizer", () -> sync.currentManifest(id)).isPresent()));
        // the manifests go away behind the library's back, as if the instance issuing them died mid-way
        ids.forEach(id -> fixture.as("qn.organizer", () -> sync.retire(id)));
        assertThat(ids).allMatch(id -> fixture.as("qn.organizer", () -> sync.currentManifest(id)).isEmpty());

        long before = scheduler.getJobDetail(JOB).getJobDataMap().getLong("completedAt");
        // a second instance starting soon after finds the cluster caught up
        assertThat(new ManifestCatchUpScheduling(scheduler, Duration.ofHours(1)).schedule()).isFalse();
        assertThat(scheduler.checkExists(ManifestCatchUpScheduling.TRIGGER)).isFalse();

        // a later start schedules it again; one starting while it is pending finds the trigger there
        scheduler.pauseJob(JOB);
        assertThat(new ManifestCatchUpScheduling(scheduler, Duration.ZERO).schedule()).isTrue();
        assertThat(new ManifestCatchUpScheduling(scheduler, Duration.ZERO).schedule()).isFalse();
        scheduler.resumeJob(JOB);
        // a resumed trigger may wait out the scheduler's idle poll (30 s) before it fires
        Awaitility.await().atMost(90, TimeUnit.SECONDS)
                .until(() -> scheduler.getJobDetail(JOB).getJobDataMap().getLong("completedAt") > before);
        assertThat(ids).allMatch(id -> fixture.as("qn.organizer", () -> sync.currentManifest(id)).isPresent());
    }
}
