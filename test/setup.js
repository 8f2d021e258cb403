// Registers the cdktf jest matchers (toHaveResourceWithProperties, ...).
require('cdktf').Testing.setupJest();
