package bryt.surveys;

import java.time.LocalDate;

/**
 * A cycle of a program as the staff pages and jobs see it.
 *
 * @param withoutAddress exit survey, first stage: leavers not invited for want of a work
 * address
 */
record Cycle(long id, long organisationId, CycleProgram program, long instrumentId, LocalDate opensOn,
		LocalDate closesOn, String status, int invited, boolean reminded, String instrumentName, int withoutAddress) {

	boolean open() {
		return "open".equals(this.status);
	}

	/** Whether answers are taken on a day. */
	boolean answerable(LocalDate today) {
		return open() && !today.isBefore(this.opensOn) && !today.isAfter(this.closesOn);
	}

}
