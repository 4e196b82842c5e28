const { serverProject } = require('../../../jest.shared');

module.exports = serverProject('server-embedded', __dirname);
