package io.grpo4j.testing;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDManager;
import java.lang.reflect.Field;
import java.util.Map;

/** Counts the native resources a manager holds (DJL keeps them in a protected map), for leak tests. */
public final class NativeResources {
    private NativeResources() {}

    public static int count(NDManager manager) {
        try {
            Field f = BaseNDManager.class.getDeclaredField("resources");
            f.setAccessible(true);
            return ((Map<?, ?>) f.get(manager)).size();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot read BaseNDManager.resources (DJL version changed?)", e);
        }
    }
}
