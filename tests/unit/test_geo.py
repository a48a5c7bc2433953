"""Distances between a customer and a store, as the crow flies."""
import pytest

from vyaparai.catalog.geo import distance_km


def test_a_point_is_no_distance_from_itself():
    assert distance_km(12.9716, 77.5946, 12.9716, 77.5946) == 0


def test_one_degree_of_latitude_is_about_111_km():
    assert distance_km(12.0, 77.0, 13.0, 77.0) == pytest.approx(111.19, abs=0.01)


def test_mg_road_to_indiranagar_is_about_four_km_either_way():
    there = distance_km(12.9756, 77.6050, 12.9784, 77.6408)
    assert there == pytest.approx(3.89, abs=0.05)
    assert distance_km(12.9784, 77.6408, 12.9756, 77.6050) == pytest.approx(there)


def test_mumbai_to_delhi_is_about_1150_km():
    assert distance_km(19.0760, 72.8777, 28.6139, 77.2090) == pytest.approx(1153, rel=0.01)
