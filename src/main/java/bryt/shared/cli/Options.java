package bryt.shared.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code --name value} options and the remaining positional words of a command line. */
public record Options(Map<String, String> named, List<String> positional) {

	public static Options parse(List<String> args) {
		Map<String, String> named = new HashMap<>();
		List<String> positional = new ArrayList<>();
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (arg.startsWith("--") && arg.contains("=")) {
				named.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
			}
			else if (arg.startsWith("--") && i + 1 < args.size()) {
				named.put(arg.substring(2), args.get(++i));
			}
			else {
				positional.add(arg);
			}
		}
		return new Options(named, positional);
	}

	public Optional<String> get(String name) {
		return Optional.ofNullable(this.named.get(name));
	}

	public String require(String name) {
		return get(name).orElseThrow(() -> new IllegalArgumentException("Missing --" + name));
	}

}
