package bryt.organisation;

import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/** Changes to the unit tree, with the rules that keep it a tree. */
@Service
class OrganisationTree {

	private final UnitRepository units;

	private final ApplicationEventPublisher events;

	OrganisationTree(UnitRepository units, ApplicationEventPublisher events) {
		this.units = units;
		this.events = events;
	}

	List<Unit> units(long organisationId) {
		return this.units.findTree(organisationId);
	}

	/**
	 * Creates or updates a unit. A department has no parent; a unit or team sits under a
	 * unit of a higher level, which also rules out cycles.
	 */
	@Transactional
	void save(long organisationId, Long unitId, UnitForm form, Errors errors) {
		Optional<Unit> sameCode = this.units.findByCode(organisationId, form.code().strip());
		if (sameCode.isPresent() && (unitId == null || sameCode.get().id() != unitId)) {
			errors.rejectValue("code", "taken");
		}
		if (form.level() == UnitLevel.DEPARTMENT && form.parentId() != null) {
			errors.rejectValue("parentId", "departmentHasNoParent");
		}
		if (form.level() != UnitLevel.DEPARTMENT) {
			Optional<Unit> parent = (form.parentId() != null) ? this.units.find(organisationId, form.parentId())
					: Optional.empty();
			if (parent.isEmpty()) {
				errors.rejectValue("parentId", "required");
			}
			else if (!form.level().mayBeChildOf(parent.get().level())) {
				errors.rejectValue("parentId", "levelOrder");
			}
		}
		if (unitId != null && form.level() != null && this.units.findTree(organisationId)
			.stream()
			.anyMatch((child) -> unitId.equals(child.parentId()) && !child.level().mayBeChildOf(form.level()))) {
			errors.rejectValue("level", "levelOrder");
		}
		if (errors.hasErrors()) {
			return;
		}
		if (unitId == null) {
			this.units.create(organisationId, form.code().strip(), form.name().strip(), form.level(), form.parentId());
		}
		else {
			this.units.update(organisationId, unitId, form.code().strip(), form.name().strip(), form.level(),
					form.parentId());
		}
		this.events.publishEvent(new OrganisationChanged(organisationId));
	}

}
