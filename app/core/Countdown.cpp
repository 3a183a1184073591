#include "Countdown.h"
