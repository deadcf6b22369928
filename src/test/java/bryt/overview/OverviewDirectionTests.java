package bryt.overview;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import bryt.BrytApplication;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contributions, not reads: the overview depends on none of the modules whose figures it
 * shows, and each of them depends on the overview (it implements
 * {@link OverviewContribution}).
 */
class OverviewDirectionTests {

	private static final List<String> CONTRIBUTORS = List.of("workload", "voice", "surveys", "safety");

	private final ApplicationModules modules = ApplicationModules.of(BrytApplication.class);

	@Test
	void theOverviewDependsOnNoContributingModuleAndEachDependsOnTheOverview() {
		assertThat(dependencies("overview")).doesNotContainAnyElementsOf(CONTRIBUTORS)
			.containsExactlyInAnyOrder("shared", "organisation");
		for (String contributor : CONTRIBUTORS) {
			assertThat(dependencies(contributor)).as(contributor).contains("overview");
		}
	}

	private Set<String> dependencies(String name) {
		ApplicationModule module = this.modules.stream()
			.filter((candidate) -> candidate.getIdentifier().toString().equals(name))
			.findFirst()
			.orElseThrow();
		return module.getDirectDependencies(this.modules)
			.stream()
			.map((dependency) -> dependency.getTargetModule().getIdentifier().toString())
			.collect(Collectors.toSet());
	}

}
