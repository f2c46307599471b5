package mx.cte.exchange.impl;

import java.util.List;

/** Where a session's guide makes a product: the activities that yield a product type, in order. */
@FunctionalInterface
interface ProductActivities {

    /** An activity of the guide with the ids of the readings it uses. */
    record Activity(int number, List<String> readings) {

        public Activity {
            readings = List.copyOf(readings);
        }
    }

    /** Empty when the session's guide is not installed or yields no such product. */
    List<Activity> of(String session, String productType);
}
