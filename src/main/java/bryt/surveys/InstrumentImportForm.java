package bryt.surveys;

import bryt.shared.NoPersonalIdentityNumber;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What the import form says about a pack: its name, and the licence and attribution an
 * imported instrument must carry (V23 holds at most 200 and 1000 characters).
 */
record InstrumentImportForm(@NotBlank @Size(max = 200) @NoPersonalIdentityNumber String name,
		@NotBlank @Size(max = 200) @NoPersonalIdentityNumber String licence,
		@NotBlank @Size(max = 1000) @NoPersonalIdentityNumber String attribution) {

	static InstrumentImportForm empty() {
		return new InstrumentImportForm(null, null, null);
	}

}
