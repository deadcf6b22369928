package bryt.surveys;

/** Where an action of a unit's action plan stands. */
public enum ActionStatus {

	PLANNED, IN_PROGRESS, DONE, DROPPED;

	/** Whether the action still has to be done: planned or in progress. */
	public boolean open() {
		return this == PLANNED || this == IN_PROGRESS;
	}

}
