package io.grpo4j.train;

import ai.djl.Device;
import ai.djl.engine.Engine;

/** auto | cpu | gpu → a DJL device, with a clear error when a GPU is asked for and none is usable. */
final class Devices {
    private Devices() {}

    static Device pick(String choice) {
        int gpus = Engine.getInstance().getGpuCount();
        return switch (choice) {
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                if (gpus == 0) {
                    throw new IllegalArgumentException("model.device=gpu but DJL sees no GPU: install libtorch 2.7.1+cu128 and set "
                            + "PYTORCH_LIBRARY_PATH, PYTORCH_VERSION=2.7.1, PYTORCH_FLAVOR=cu128 (see README), or use --device cpu");
                }
                yield Device.gpu();
            }
            default -> gpus > 0 ? Device.gpu() : Device.cpu();
        };
    }
}
