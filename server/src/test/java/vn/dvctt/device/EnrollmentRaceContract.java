package vn.dvctt.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dvctt.content.Enrollment;
import vn.dvctt.training.TrainingFixture;

/**
 * The code is consumed by one conditional UPDATE: of requests racing with the same code, exactly one
 * gets credentials, as it would across server instances sharing the database. Committed data, so the
 * subclasses run in a context of their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EnrollmentRaceContract {

    @Autowired
    TrainingFixture data;
    @Autowired
    DeviceService devices;

    @BeforeAll
    void load() {
        data.load();
    }

    @Test
    void ofEightConcurrentExchangesOfOneCodeExactlyOneSucceeds() throws Exception {
        IssuedCode code = data.fixture.as("hoanhmo.organizer", () -> devices.register(data.kheMa.id(), "http://x"));
        int n = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<Object>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Callable<Object> attempt = () -> {
                start.await();
                try {
                    return devices.enroll(code.code(), "x");
                } catch (EnrollmentRefusedException e) {
                    return e.reason();
                }
            };
            results.add(pool.submit(attempt));
        }
        start.countDown();
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> f : results) {
            outcomes.add(f.get());
        }
        pool.shutdown();

        assertThat(outcomes).filteredOn(o -> o instanceof Enrollment.Response).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o == Enrollment.Reason.USED).hasSize(n - 1);
    }
}
