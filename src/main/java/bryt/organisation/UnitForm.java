package bryt.organisation;

import bryt.shared.NoPersonalIdentityNumber;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record UnitForm(@NotBlank @Size(max = 40) @NoPersonalIdentityNumber String code,
		@NotBlank @Size(max = 200) @NoPersonalIdentityNumber String name, @NotNull UnitLevel level, Long parentId) {

	static UnitForm empty() {
		return new UnitForm(null, null, null, null);
	}

	static UnitForm of(Unit unit) {
		return new UnitForm(unit.code(), unit.name(), unit.level(), unit.parentId());
	}

}
