package bryt.surveys;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Action plans (issue 13, item 6): per unit and survey cycle, actions with an owner, a
 * due date and a status, and comments from the employer's side and the employee side.
 * When a cycle's results are released, every weak area of a unit gets an action due
 * within {@value #DAYS_TO_ACT} days unless it has one; the overview reads the plans'
 * status through {@link #figures}.
 */
@Service
public class ActionPlans {

	/** Days from a cycle's release to the due date of the actions proposed for it. */
	static final int DAYS_TO_ACT = 30;

	/**
	 * An area whose index, as shown, is below this is weak: the heatmap's red band
	 * ({@link ResultsTables#band}).
	 */
	static final int WEAK_BELOW = 50;

	/** Who the proposed actions were added by. */
	static final String PROPOSED_BY = "Bryt";

	private final ActionPlanRepository repository;

	private final Clock clock;

	ActionPlans(ActionPlanRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	List<SurveyAction> all(long organisationId) {
		return this.repository.findAll(organisationId);
	}

	/** One action of the organisation, by id. */
	@Transactional(readOnly = true)
	Optional<SurveyAction> find(long organisationId, long actionId) {
		return this.repository.find(organisationId, actionId);
	}

	List<ActionPlanRepository.CycleOption> cycles(long organisationId) {
		return this.repository.cycles(organisationId);
	}

	@Transactional
	public long add(long organisationId, NewAction action, String createdBy) {
		return this.repository.insert(organisationId, action.cycleId(), action.unitId(), action.areaKey(),
				action.title(), action.owner(), action.dueOn(), createdBy);
	}

	/**
	 * Proposes an action for each weak area of a unit that has none in the cycle yet, due
	 * {@value #DAYS_TO_ACT} days after the release.
	 * @param titles each weak area's key and the action's title (the area's name in the
	 * organisation's language)
	 * @return how many actions were added
	 */
	@Transactional
	public int proposeForWeakAreas(long organisationId, long cycleId, long unitId, Map<String, String> titles,
			String owner, LocalDate releasedOn, String createdBy) {
		int added = 0;
		for (Map.Entry<String, String> area : titles.entrySet()) {
			if (!this.repository.hasActionFor(organisationId, cycleId, unitId, area.getKey())) {
				this.repository.insert(organisationId, cycleId, unitId, area.getKey(), area.getValue(), owner,
						releasedOn.plusDays(DAYS_TO_ACT), createdBy);
				added++;
			}
		}
		return added;
	}

	@Transactional
	public void changeStatus(long organisationId, long actionId, ActionStatus status) {
		this.repository.updateStatus(organisationId, actionId, status);
	}

	@Transactional
	public void comment(long organisationId, long actionId, SurveyAction.Side side, String author, String text) {
		if (this.repository.find(organisationId, actionId).isEmpty()) {
			throw new IllegalArgumentException("No action " + actionId);
		}
		this.repository.insertComment(actionId, side, author, this.clock.instant(), text);
	}

	/**
	 * The action plans' status per unit on a date, for the overview: how many actions in
	 * each status and how many are overdue (open, due before the date). Units without
	 * actions are left out.
	 */
	public List<ActionPlanFigures> figures(long organisationId, LocalDate at) {
		Map<Long, Map<ActionStatus, Integer>> counts = new LinkedHashMap<>();
		Map<Long, Integer> overdue = new LinkedHashMap<>();
		for (SurveyAction action : this.repository.findAll(organisationId)) {
			counts.computeIfAbsent(action.unitId(), (unit) -> new EnumMap<>(ActionStatus.class))
				.merge(action.status(), 1, Integer::sum);
			overdue.merge(action.unitId(), action.overdue(at) ? 1 : 0, Integer::sum);
		}
		List<ActionPlanFigures> figures = new ArrayList<>();
		counts.forEach((unit,
				byStatus) -> figures.add(new ActionPlanFigures(unit, byStatus.getOrDefault(ActionStatus.PLANNED, 0),
						byStatus.getOrDefault(ActionStatus.IN_PROGRESS, 0), byStatus.getOrDefault(ActionStatus.DONE, 0),
						byStatus.getOrDefault(ActionStatus.DROPPED, 0), overdue.get(unit))));
		return figures;
	}

	/** An action as added on the page. */
	public record NewAction(long cycleId, long unitId, String areaKey, String title, String owner, LocalDate dueOn) {
	}

	/** One unit's action plans in figures: counts only. */
	public record ActionPlanFigures(long unitId, int planned, int inProgress, int done, int dropped, int overdue) {
	}

}
