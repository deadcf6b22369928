package bryt.shared.jobs;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared module without voice (with organisation only, which shared's security needs
 * for API tokens) runs a job declared with nothing but {@code @Scheduled} and
 * {@code @SchedulerLock}, and the job takes its lock in the {@code shedlock} table.
 * Before V16 scheduling and the lock provider lived in voice, and this context scheduled
 * nothing.
 */
@ApplicationModuleTest(extraIncludes = "organisation")
@TestPropertySource(properties = "bryt.db.data-dir=target/test-data/${random.uuid}")
class ScheduledJobsTests {

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aModuleDeclaresALockedJobWithTwoAnnotations() throws InterruptedException {
		assertThat(ProbeJob.ran.await(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS))
			.as("the job ran within 30 s")
			.isTrue();
		assertThat(this.jdbc.sql("select count(*) from shedlock where name = 'shared-jobs-probe'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void sharedMigrationOwnsTheLockTable() {
		assertThat(this.jdbc.sql("select success from flyway_schema_history where version = '16'")
			.query(Boolean.class)
			.single()).isTrue();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Probe {

		@Bean
		ProbeJob probeJob() {
			return new ProbeJob();
		}

	}

	static class ProbeJob {

		// Static: ShedLock wraps the bean in a proxy, whose own fields are empty.
		static final CountDownLatch ran = new CountDownLatch(1);

		@Scheduled(fixedDelay = 100)
		@SchedulerLock(name = "shared-jobs-probe", lockAtMostFor = "PT1M")
		void run() {
			ran.countDown();
		}

	}

}
