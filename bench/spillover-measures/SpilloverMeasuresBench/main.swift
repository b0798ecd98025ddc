import Measures
