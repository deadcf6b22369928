package bryt.overview;

import bryt.shared.NoPersonalIdentityNumber;
import jakarta.validation.constraints.Size;

/**
 * A snapshot asked for on the snapshots page: the quarter (as {@code yyyy-Qn}, checked by
 * the controller so that a crafted value gets the field's message) and, for a quarter
 * that has one already, the reason it is computed again.
 */
record SnapshotForm(String quarter, @Size(max = 1000) @NoPersonalIdentityNumber String reason) {

	static SnapshotForm empty() {
		return new SnapshotForm(null, null);
	}

}
