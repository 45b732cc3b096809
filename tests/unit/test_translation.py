"""What the flows translate with: threads fitted to the cores, the device asked for."""

import ctranslate2
import pytest

from flows.translation import DeviceUnavailable, fitted_threads, load_translator


@pytest.mark.parametrize(
    ("cores", "workers_by_threads"),
    [(1, (1, 1)), (2, (2, 1)), (4, (2, 2)), (16, (8, 2)), (3, (1, 3))],
)
def test_unset_counts_give_workers_of_two_threads_each(cores, workers_by_threads):
    assert fitted_threads(0, 0, cores) == workers_by_threads


def test_two_cores_keep_two_single_thread_workers_which_measured_faster_than_one_of_two():
    assert fitted_threads(0, 0, 2) == (2, 1)


def test_set_counts_are_kept_and_the_other_fills_the_cores():
    assert fitted_threads(4, 0, 16) == (4, 4)
    assert fitted_threads(0, 4, 16) == (4, 4)
    assert fitted_threads(0, 1, 16) == (16, 1)
    assert fitted_threads(3, 5, 16) == (3, 5)
    assert fitted_threads(0, 32, 16) == (1, 32)


@pytest.mark.skipif(ctranslate2.get_cuda_device_count() > 0, reason="this machine has a CUDA GPU")
def test_asking_for_cuda_without_a_gpu_names_the_setting_when_the_translator_loads(installed_settings):
    with pytest.raises(DeviceUnavailable, match="TINTUC_DEVICE=cuda"):
        load_translator(installed_settings.model_copy(update={"device": "cuda"}))


def test_auto_picks_a_gpu_when_there_is_one_else_the_cpu(installed_settings):
    translator = load_translator(installed_settings.model_copy(update={"device": "auto"}))
    assert translator is not None
    assert translator._translator.device == ("cuda" if ctranslate2.get_cuda_device_count() else "cpu")


@pytest.mark.skipif(ctranslate2.get_cuda_device_count() > 0, reason="this machine has a CUDA GPU")
def test_the_device_setting_reaches_ctranslate2(installed_settings, monkeypatch):
    import flows.translation

    monkeypatch.setattr(flows.translation, "check_device", lambda device: None)
    with pytest.raises(RuntimeError, match="CUDA"):  # CTranslate2's own refusal: it was asked for cuda
        load_translator(installed_settings.model_copy(update={"device": "cuda"}))
