package bryt.overview;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
		return of(snapshots, organisations, organisationId, List.of(snapshotId)).get(snapshotId);
	}

	/**
	 * Who asked for each of the snapshots: two queries however many (the snapshots page
	 * lists every one).
	 */
	static Map<Long, String> of(Snapshots snapshots, Organisations organisations, long organisationId,
			List<Long> snapshotIds) {
		Map<Long, Long> accounts = snapshots.takenBy(snapshotIds);
		Map<Long, Set<Role>> roles = accounts.isEmpty() ? Map.of()
				: organisations.accounts(organisationId)
					.stream()
					.collect(Collectors.toMap(Organisations.AccountSummary::id, Organisations.AccountSummary::roles));
		Map<Long, String> takenBy = new HashMap<>();
		for (long snapshotId : snapshotIds) {
			Long account = accounts.get(snapshotId);
			Set<Role> held = (account != null) ? roles.getOrDefault(account, Set.of()) : Set.of();
			takenBy.put(snapshotId, (account == null) ? "JOB"
					: held.contains(Role.HR) ? "HR" : held.contains(Role.ADMINISTRATOR) ? "ADMINISTRATOR" : "ACCOUNT");
		}
		return takenBy;
	}

}
