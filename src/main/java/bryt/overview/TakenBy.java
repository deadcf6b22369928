package bryt.overview;

import java.util.Optional;

import bryt.organisation.Organisations;
import bryt.organisation.Role;

/**
 * Who asked for a snapshot, as the snapshots page and the API name it: the quarter-end
 * job ({@code JOB}) or the asking account's employer role ({@code HR},
 * {@code ADMINISTRATOR}; {@code ACCOUNT} for an account that no longer holds either).
 * Snapshots are public documents: a role, never a name.
 */
final class TakenBy {

	private TakenBy() {
	}

	static String of(Snapshots snapshots, Organisations organisations, long organisationId, long snapshotId) {
		Optional<Long> account = snapshots.takenBy(snapshotId);
		if (account.isEmpty()) {
			return "JOB";
		}
		return organisations.accounts(organisationId)
			.stream()
			.filter((summary) -> summary.id() == account.get())
			.findFirst()
			.map((summary) -> summary.roles().contains(Role.HR) ? "HR"
					: summary.roles().contains(Role.ADMINISTRATOR) ? "ADMINISTRATOR" : "ACCOUNT")
			.orElse("ACCOUNT");
	}

}
