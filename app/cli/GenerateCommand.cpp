#include "GenerateCommand.h"
