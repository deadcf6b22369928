package bryt.surveys;

import java.util.List;

/**
 * What the results need of an instrument: its areas in order and their items, with each
 * scale's number of points and whether an item is reversed.
 *
 * @param id the instrument
 * @param areas its areas by position
 * @param items its items by area and position
 */
record ResultInstrument(long id, List<Area> areas, List<Item> items) {

	ResultInstrument {
		areas = List.copyOf(areas);
		items = List.copyOf(items);
	}

	/**
	 * An area.
	 *
	 * @param key its key
	 * @param scored whether it has an index 0–100
	 */
	record Area(String key, boolean scored) {

	}

	/**
	 * An item.
	 *
	 * @param key its key
	 * @param areaKey its area
	 * @param kind {@code scale}, {@code recommend}, {@code reasons}, {@code yes_no} or
	 * {@code text}
	 * @param points its scale's points, {@code null} unless a scale item
	 * @param reverse whether a high value means a worse work environment
	 */
	record Item(String key, String areaKey, String kind, Integer points, boolean reverse) {

		int values() {
			return Distribution.values(this.kind, this.points);
		}

	}

}
